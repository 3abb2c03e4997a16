// Tests for PamyatAlign go here.
