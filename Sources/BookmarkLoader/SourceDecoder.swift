import BookmarkModel
import Foundation

/// Turns the bytes of a file into text, or says in Japanese why it cannot.
///
/// A UTF-8 byte-order mark is dropped and CRLF or CR line ends become LF: both are common
/// when a file was saved on Windows, and neither is an error. Invalid UTF-8 is reported at
/// its line and column; Shift_JIS (what Windows Notepad used to save) gets a hint to save
/// the file as UTF-8.
public enum SourceDecoder {
    public static func read(_ file: ContentFile) -> Result<SourceText, Diagnostic> {
        // Read one byte past the limit so a huge file is never read whole.
        guard let bytes = readBytes(file.path, upTo: Limits.fileBytes + 1) else { return .failure(unreadable(file)) }
        return decode(bytes, file: file.relativePath)
    }

    static func unreadable(_ file: ContentFile) -> Diagnostic {
        Diagnostic(
            file: file.relativePath, line: 1, column: 1, code: .fileUnreadable,
            message: "ファイルを読めませんでした。",
            hint: "ファイルの権限と種類（フォルダではないか）を確かめてください")
    }

    /// Up to `limit` bytes of a file, or nil when it cannot be opened or read (a folder).
    ///
    /// Plain `open` and `read` into one array sized from `fstat`: `FileHandle` and `Data`
    /// cost more than the reading itself when the files are small and counted by the thousand.
    static func readBytes(_ path: String, upTo limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        // The size is only a guess (the file may change); one byte more lets the first read
        // reach the end.
        let known = fstat(descriptor, &info) == 0
        let guess = known ? Int(info.st_size) + 1 : 0
        // A regular file's read returns less than asked only at its end: one read per file
        // instead of a second one to hear "nothing more" (10,000 calls for 10,000 entries).
        let shortReadEnds = known && info.st_mode & S_IFMT == S_IFREG
        var bytes: [UInt8] = []
        while bytes.count < limit {
            let room = min(max(guess - bytes.count, 4096), limit - bytes.count)
            var failed = false
            var atEnd = false
            let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                count = 0
                while count < room {
                    let got = systemRead(descriptor, buffer.baseAddress! + count, room - count)
                    if got > 0 {
                        count += got
                        if shortReadEnds, count < room {
                            atEnd = true
                            return
                        }
                    } else if got < 0, errno == EINTR {
                        continue
                    } else {
                        failed = got < 0
                        atEnd = true
                        return
                    }
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if atEnd { break }
        }
        return bytes
    }

    public static func decode(_ input: [UInt8], file: String) -> Result<SourceText, Diagnostic> {
        if input.count > Limits.fileBytes {
            return .failure(
                Diagnostic(
                    file: file, line: 1, column: 1, code: .fileTooLarge,
                    message: "ファイルが大きすぎます（上限 1 MiB）。",
                    hint: "説明文を短くするか、いくつかの項目に分けてください"))
        }
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(
                Diagnostic(
                    file: file, line: 1, column: 1, code: .fileEmpty,
                    message: "ファイルが空です。",
                    hint: "--- で囲んだ項目（name, kind など）を書くか、使わないファイルは削除してください"))
        }
        // Valid text is made in one pass; only broken files are walked again to find the place.
        let valid = String(validating: bytes, as: UTF8.self)
        if valid == nil, let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: bad, in: bytes)
            if looksLikeShiftJIS(bytes) {
                return .failure(
                    Diagnostic(
                        file: file, line: line, column: column, code: .shiftJIS,
                        message: "ファイルが Shift_JIS で保存されているようです。UTF-8 で保存し直してください。",
                        hint: "メモ帳なら「名前を付けて保存」で文字コードに「UTF-8」を選びます"))
            }
            return .failure(
                Diagnostic(
                    file: file, line: line, column: column, code: .invalidUTF8,
                    message: "UTF-8 として読めない文字があります。",
                    hint: "ファイルを UTF-8 で保存し直してください"))
        }
        let text = valid ?? String(decoding: bytes, as: UTF8.self)
        // Looking for CR in the bytes is quicker than in the string.
        return .success(SourceText(file: file, text: bytes.contains(0x0D) ? normalizeLineEnds(text) : text))
    }

    /// CRLF and lone CR become LF.
    static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
    }

    private static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index - bytes.startIndex
            }
            if index + length > bytes.endIndex { return index - bytes.startIndex }
            for k in 1..<length {
                let byte = bytes[index + k]
                let (lo, hi) = k == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
                if byte < lo || byte > hi { return index - bytes.startIndex }
            }
            index += length
        }
        return nil
    }

    /// Line and column (in characters of the valid text before it) of a byte offset.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        let before = bytes.prefix(offset)
        var line = 1
        var lineStart = before.startIndex
        for i in before.indices where before[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// Most non-ASCII bytes pair up as Shift_JIS double-byte characters.
    static func looksLikeShiftJIS(_ bytes: ArraySlice<UInt8>) -> Bool {
        var pairs = 0
        var strays = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 || (0xA1...0xDF).contains(byte) {  // ASCII or half-width katakana
                index += 1
                continue
            }
            let isLead = (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
            if isLead, index + 1 < bytes.endIndex {
                let trail = bytes[index + 1]
                if (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) {
                    pairs += 1
                    index += 2
                    continue
                }
            }
            strays += 1
            index += 1
        }
        return pairs > 0 && strays * 10 <= pairs
    }
}

/// `read(2)`, named apart from `SourceDecoder.read`, which hides it inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
