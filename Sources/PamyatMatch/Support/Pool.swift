import PamyatCore

/// The pools of tokenizers, scorers and search scratch space (see ``PerThreadPool``).
typealias Pool = PerThreadPool
