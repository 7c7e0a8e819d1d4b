import Foundation

/// A value made on first use and shared by the jobs that need it: the open-data rows feed
/// both `entries.json` and `entries.csv`, which are written in parallel.
final class OnceValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: () throws -> Value

    init(_ make: @escaping () throws -> Value) { self.make = make }

    var value: Value {
        get throws {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let value = try make()
            made = value
            return value
        }
    }
}
