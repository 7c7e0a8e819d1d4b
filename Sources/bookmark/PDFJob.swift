import BookmarkBooklet
import BookmarkModel
import Foundation

/// One PDF for `bookmark booklet` to make: an edition's copy, its HTML, where it goes.
struct PDFJob: Sendable {
    let edition: Edition
    let variant: BookletVariant
    let html: String
    let pdf: URL

    /// `ウェブ用`, `印刷所用（塗り足し 3 mm）`, `面付け用` in progress lines.
    var label: String {
        switch variant {
        case .web: "ウェブ用"
        case .print: "印刷所用（塗り足し 3 mm）"
        case .imposition: "面付け用"
        }
    }

    /// How many WeasyPrints run at once: one per processor, as long as each can have about
    /// 500 MB (a 300-entry A6 edition's WeasyPrint peaks near 355 MB). The web and print
    /// copies are independent documents, so on two cores they render side by side.
    static var width: Int {
        let info = ProcessInfo.processInfo
        let byMemory = Int(info.physicalMemory / (500 * 1024 * 1024))
        return max(1, min(info.activeProcessorCount, byMemory))
    }

    /// Runs the jobs `width` at a time. Progress goes to standard error, a whole line at a
    /// time; the first failure is rethrown once all have ended.
    static func runAll(_ jobs: [PDFJob], engine: PDFEngine, width: Int = PDFJob.width) throws {
        let failures = Failures()
        let slots = DispatchSemaphore(value: width)
        let group = DispatchGroup()
        for (number, job) in jobs.enumerated() {
            slots.wait()
            group.enter()
            Thread.detachNewThread {
                defer {
                    slots.signal()
                    group.leave()
                }
                printMessage("冊子「\(job.edition.id)」（\(job.edition.paper.japaneseLabel)）の\(job.label) PDF を作っています…")
                let start = DispatchTime.now().uptimeNanoseconds
                do {
                    try engine.render(html: job.html, to: job.pdf, variant: job.variant)
                } catch {
                    failures.record(error, at: number)
                    return
                }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let size = (try? FileManager.default.attributesOfItem(atPath: job.pdf.path)[.size] as? Int) ?? 0
                printMessage(
                    String(format: "冊子「%@」の%@ PDF ができました（%.1f 秒、%d KB）", job.edition.id, job.label, seconds, size / 1024))
            }
        }
        group.wait()
        if let first = failures.first { throw first }
    }

    /// Errors of jobs running on other threads, kept in job order.
    final class Failures: @unchecked Sendable {
        private var errors: [Int: any Error] = [:]
        private let lock = NSLock()

        func record(_ error: any Error, at number: Int) {
            lock.withLock { errors[number] = error }
        }

        var first: (any Error)? {
            lock.withLock { errors.keys.min().flatMap { errors[$0] } }
        }
    }
}
