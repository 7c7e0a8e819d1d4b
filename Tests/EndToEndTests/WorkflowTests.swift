import Foundation
import Testing
import Yams

/// The GitHub Actions workflows a town's fork publishes with: audited by zizmor in the tests.
@Suite(.serialized) struct WorkflowTests {
    static let repoRoot = CheckCommandTests.repoRoot
    static let workflows = repoRoot.appendingPathComponent(".github/workflows")

    /// zizmor from the project's venv (scripts/install-weasyprint.sh), or `BOOKMARK_ZIZMOR`.
    static var zizmor: String {
        ProcessInfo.processInfo.environment["BOOKMARK_ZIZMOR"]
            ?? repoRoot.appendingPathComponent(".venv-weasyprint/bin/zizmor").path
    }

    struct Finished {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    /// Runs `executable arguments` in `folder`, standard output and error together, killing
    /// it (and what it started) after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], in folder: URL, timeout: TimeInterval,
                    environment extra: [String: String] = [:]) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        final class Collected: @unchecked Sendable { var data = Data() }
        let collected = Collected()
        let done = DispatchSemaphore(value: 0)
        try process.run()
        Thread.detachNewThread {
            collected.data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        _ = done.wait(timeout: .now() + 10)
        return Finished(status: process.terminationStatus, output: String(decoding: collected.data, as: UTF8.self),
                        timedOut: timedOut)
    }

    @Test func zizmorFindsNothingAtMediumOrAbove() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.zizmor),
                "zizmor がありません。scripts/install-weasyprint.sh を実行してください（\(Self.zizmor)）。")
        // Offline: the audits that ask GitHub need a token and the network; pins are checked
        // by `unpinned-uses`, which needs neither.
        let result = try Self.run(Self.zizmor, ["--offline", "--no-progress", "--format", "json", "--min-severity", "medium",
                                                Self.workflows.path],
                                  in: Self.repoRoot, timeout: 120)
        #expect(result.status == 0, "\(result.output)")
        let json = result.output.firstIndex(of: "[").map { String(result.output[$0...]) } ?? ""
        let findings = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [Any]
        #expect(findings?.isEmpty == true, "\(result.output)")
    }

    /// One step of a workflow's job: a command (`run:`) or an action (`uses:`).
    struct Step {
        var name: String
        var run: String?
        var uses: String?
        var with: [String: String]
    }

    /// The steps of every job of a workflow, jobs in the order the file gives them.
    static func steps(of workflow: String) throws -> [(job: String, steps: [Step])] {
        let text = try String(contentsOf: workflows.appendingPathComponent(workflow), encoding: .utf8)
        guard let root = try Yams.compose(yaml: text)?.mapping, let jobs = root["jobs"]?.mapping else { return [] }
        return jobs.map { key, job in
            let steps = (job.mapping?["steps"]?.sequence ?? []).map { node -> Step in
                let step = node.mapping
                var with: [String: String] = [:]
                for (k, v) in step?["with"]?.mapping ?? [:] { with[k.string ?? ""] = v.string ?? "" }
                let run = step?["run"]?.string
                let uses = step?["uses"]?.string
                return Step(name: step?["name"]?.string ?? run ?? uses ?? "", run: run, uses: uses, with: with)
            }
            return (key.string ?? "", steps)
        }
    }

    /// Where the workflows are run: a clone of this repository and the build cache beside it,
    /// kept between test runs (inside `.build`, which git ignores).
    static let workArea = repoRoot.appendingPathComponent(".build/workflow-run")

    static var isGitCheckout: Bool {
        (try? run("/usr/bin/git", ["-C", repoRoot.path, "rev-parse", "HEAD"], in: repoRoot, timeout: 30).status) == 0
    }

    /// Brings the clone to the state of a fresh clone of this repository's HEAD (committed
    /// files only, nothing else), then puts back the build cache, as `actions/cache` restores
    /// `.build` in the workflows, and the WeasyPrint environment that
    /// `scripts/install-weasyprint.sh` would otherwise download again. The first run clones;
    /// later runs fetch, check out and clean, so the clone's unchanged files keep their
    /// stamps and the release build is only as long as what changed.
    static func freshClone() throws -> URL {
        let fm = FileManager.default
        let clone = workArea.appendingPathComponent("clone")
        let cache = workArea.appendingPathComponent("build-cache")
        let git = "/usr/bin/git"
        try fm.createDirectory(at: workArea, withIntermediateDirectories: true)
        if !fm.fileExists(atPath: clone.appendingPathComponent(".git").path) {
            try? fm.removeItem(at: clone)
            let cloned = try run(git, ["clone", "--quiet", "--no-checkout", repoRoot.path, clone.path], in: workArea, timeout: 600)
            #expect(cloned.status == 0, "git clone: \(cloned.output)")
        }
        for arguments in [["fetch", "--quiet", repoRoot.path, "HEAD"], ["checkout", "--quiet", "--force", "--detach", "FETCH_HEAD"],
                          ["clean", "-ffdxq"]] {
            let done = try run(git, ["-C", clone.path] + arguments, in: clone, timeout: 600)
            #expect(done.status == 0, "git \(arguments.joined(separator: " ")): \(done.output)")
        }
        try fm.createDirectory(at: cache, withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: clone.appendingPathComponent(".build"), withDestinationURL: cache)
        let venv = repoRoot.appendingPathComponent(".venv-weasyprint").resolvingSymlinksInPath()
        if fm.fileExists(atPath: venv.path) {
            try fm.createSymbolicLink(at: clone.appendingPathComponent(".venv-weasyprint"), withDestinationURL: venv)
        }
        return clone
    }

    /// Runs every `run:` step of a workflow's jobs in order in a fresh clone, as the runner
    /// would (`bash -e`), and checks what the actions after them are given: the artifact
    /// folders exist and hold files. Not run: the actions themselves (`actions/checkout` is
    /// the clone, `actions/cache` the kept `.build`, the uploads and the deployment need
    /// GitHub), and the job's container (`swift:6.3-bookworm`): the steps run on this
    /// machine, Debian 12 with Swift 6 as in that image.
    func runSteps(of workflow: String, in clone: URL) throws {
        for (job, steps) in try Self.steps(of: workflow) {
            for step in steps {
                if let command = step.run {
                    let result = try Self.run("/bin/bash", ["--noprofile", "--norc", "-e", "-c", command], in: clone,
                                              timeout: 3600, environment: ["CI": "true", "GITHUB_ACTIONS": "true"])
                    #expect(result.status == 0 && !result.timedOut,
                            "\(workflow) \(job) 「\(step.name)」 failed (\(result.status)):\n\(result.output.suffix(4000))")
                    if result.status != 0 { return }
                } else if let uses = step.uses, uses.contains("upload"), let path = step.with["path"] {
                    let folder = clone.appendingPathComponent(path)
                    let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects.count) ?? 0
                    #expect(files > 0, "\(workflow) \(job): \(uses) is given \(path), which holds nothing")
                }
            }
        }
    }

    /// Both workflows have their commands where this test reads them, and every script a
    /// command names is in the repository and executable.
    @Test func theWorkflowsScriptsExist() throws {
        for workflow in ["check.yml", "publish.yml"] {
            let runs = try Self.steps(of: workflow).flatMap(\.steps).compactMap(\.run)
            #expect(runs.count >= 3, "\(workflow): \(runs)")
            let words = runs.flatMap { $0.split(whereSeparator: { " \n\"$()".contains($0) }) }
            for script in words where script.hasPrefix("scripts/") {
                #expect(FileManager.default.isExecutableFile(atPath: Self.repoRoot.appendingPathComponent(String(script)).path),
                        "\(workflow): \(script) is not an executable file of the repository")
            }
        }
    }

    /// check.yml (pull requests) and then publish.yml (main), each from a fresh clone sharing
    /// the build cache, as the two workflows share theirs (same cache key).
    @Test(.enabled(if: isGitCheckout, "not a git checkout: nothing to clone"), .timeLimit(.minutes(60)))
    func theWorkflowsCommandsRunInAFreshClone() throws {
        for workflow in ["check.yml", "publish.yml"] {
            let clone = try Self.freshClone()
            try runSteps(of: workflow, in: clone)
            if workflow == "publish.yml" {
                let site = clone.appendingPathComponent("_site")
                #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
                let pdfs = (try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("booklet").path)) ?? []
                #expect(pdfs.contains { $0.hasSuffix(".pdf") }, "publish.yml made no booklet PDF: \(pdfs)")
            }
        }
    }
}
