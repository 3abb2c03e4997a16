// PamyatMatch: see docs/ARCHITECTURE.md.
