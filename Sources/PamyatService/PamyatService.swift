// PamyatService: use cases (segment, add, lookup, import, export) composed from the modules below.
