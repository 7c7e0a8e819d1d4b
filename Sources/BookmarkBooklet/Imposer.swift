import Foundation

/// Puts a booklet's pages two to a sheet in saddle-stitch order, for an office printer.
///
/// Runs `bookmark-impose` (`scripts/impose.py`, which `scripts/install-weasyprint.sh`
/// installs beside WeasyPrint, with pypdf, in the same virtual environment). Sheets are
/// twice the page width; after padding to a multiple of four pages the order is
/// (N,1) (2,N−1) (N−2,3) …, printed on both sides and folded in the middle.
public struct Imposer: Sendable {
    public static let programName = "bookmark-impose"

    public let executable: URL

    /// Looks beside WeasyPrint first (the same virtual environment), then on `PATH`.
    public static func locate(besides engine: PDFEngine, environment: [String: String]) throws -> Imposer {
        let sibling = engine.executable.deletingLastPathComponent().appendingPathComponent(programName)
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return Imposer(executable: sibling) }
        if let found = PDFEngine.onPath(programName, environment: environment) { return Imposer(executable: found) }
        throw PDFEngine.Failure.missing(searched: [sibling.path, "PATH（\(programName)）"])
    }

    public func impose(_ source: URL, to destination: URL) throws {
        try PDFEngine.run(executable, [source.path, destination.path])
    }
}
