// PamyatStore tests
