import ArgumentParser
import CMallocSettings

/// glibc's allocator, set for a command that runs once and exits (`check`, `build`,
/// `booklet`), before any thread starts.
///
/// glibc gives each thread's heap its memory a page at a time, an `mprotect` call each: a
/// 10,000-entry build made some 22,000 of them and 50,000 page faults (a tenth of its
/// system time). With a top pad of 64 MB a thread's heap is given its whole 64 MB range at
/// once and the main heap grows 64 MB at a time: 75 calls, 43,000 faults, system time
/// 0.46 → 0.35 s. Pages cost memory only once touched (peak memory 193 → 196 MB). It must
/// be set before the first thread's heap is made, so `Bookmark.main` calls this first;
/// `serve`, which runs for hours, keeps glibc's defaults (a large top pad also keeps freed
/// memory from going back).
enum AllocatorSettings {
    static let commands = Set([CheckCommand.self, BuildCommand.self, BookletCommand.self].compactMap {
        ($0 as ParsableCommand.Type).configuration.commandName
    })

    static func configure(arguments: [String]) {
        guard let command = arguments.dropFirst().first, commands.contains(command) else { return }
        _ = bookmark_malloc_top_pad(64 << 20)
    }
}
