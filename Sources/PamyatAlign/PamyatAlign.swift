// PamyatAlign: see docs/ARCHITECTURE.md.
