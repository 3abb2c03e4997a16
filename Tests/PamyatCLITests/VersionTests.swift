import Testing

@Suite struct VersionTests {
    @Test func versionFlagPrintsTheVersion() throws {
        let run = try PamyatBinary.run(["--version"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func helpListsExitCodes() throws {
        let run = try PamyatBinary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Exit codes"))
    }
}
