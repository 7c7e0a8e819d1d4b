import Foundation

/// A value made on first use and shared by the jobs that need it: the open-data rows feed
/// both `entries.json` and `entries.csv`, which are written in parallel. After its last use
/// the value is let go, so it does not stay in memory for the rest of the build.
final class OnceValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var usesLeft: Int
    private let make: () throws -> Value

    init(uses: Int, _ make: @escaping () throws -> Value) {
        self.usesLeft = uses
        self.make = make
    }

    var value: Value {
        get throws {
            lock.lock()
            defer { lock.unlock() }
            let value = try made ?? make()
            usesLeft -= 1
            made = usesLeft > 0 ? value : nil
            return value
        }
    }
}
