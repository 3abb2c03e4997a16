// Tests for PamyatTMX go here.
