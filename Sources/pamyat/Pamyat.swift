import ArgumentParser

/// The `pamyat` command: a translation memory for Russian originals and their translations.
@main
struct Pamyat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pamyat",
        abstract: "A translation memory: segment, align, store, look up and exchange (TMX) translations.",
        discussion: """
            Memories are SQLite files in a memories folder: ./memories when the working directory has \
            one, else $XDG_DATA_HOME/pamyat/memories (PAMYAT_MEMORIES overrides). The default memory \
            is 'default' (PAMYAT_MEMORY overrides); --memory NAME picks NAME.sqlite there, a path \
            picks that file.

            \(ExitCode.table)
            """,
        version: PamyatVersion.string,
        subcommands: [
            Segment.self,
            Stats.self,
            Align.self,
            Add.self,
            Import.self,
            Export.self,
            Lookup.self,
            Concordance.self,
            Serve.self,
        ]
    )
}

/// The version printed by `--version` and sent by the server's HELLO.
enum PamyatVersion {
    static let string = "0.1.0"
}
