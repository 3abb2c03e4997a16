// PamyatTMX: see docs/ARCHITECTURE.md.
