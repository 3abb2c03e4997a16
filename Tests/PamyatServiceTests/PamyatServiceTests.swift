// Tests for PamyatService go here.
