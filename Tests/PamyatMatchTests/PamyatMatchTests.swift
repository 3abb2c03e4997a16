// Tests for PamyatMatch go here.
