// PamyatServer: see docs/ARCHITECTURE.md.
