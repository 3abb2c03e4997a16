// Tests for PamyatServer go here.
