/// Which compressor to use and how: the algorithm, its level, and the container around the stream.
///
/// Written as `NAME[:LEVEL]`, the form the `--compressor` option takes:
///
/// | name      | stream                                   | levels          | counted bytes                      |
/// |-----------|------------------------------------------|-----------------|------------------------------------|
/// | `deflate` | raw deflate (RFC 1951), no header        | 1-9             | the deflate blocks only            |
/// | `zlib`    | deflate in the zlib container (RFC 1950) | 1-9             | + 2-byte header, 4-byte Adler-32   |
/// | `gzip`    | deflate in the gzip container (RFC 1952) | 1-9             | + 10-byte header, 8-byte trailer   |
/// | `lzma`    | raw LZMA2 stream, no header              | 0-9, `e` suffix | the LZMA2 chunks only              |
/// | `xz`      | LZMA2 in the .xz container, CRC64 check  | 0-9, `e` suffix | + stream/block headers, index, check |
/// | `bzip2`   | a .bz2 stream (libbz2), block size level × 100k | 1-9      | + 4-byte header, 10 bytes per block and at the end |
/// | `zstd`    | one zstd frame (libzstd), no checksum    | 1-22            | + 4-byte magic, 2-14-byte frame header, 3 bytes per block |
/// | `ppm`     | Kolmo's PPM model (PPMd-class), a range coder | order 2-16 | the exact code length, in bits, no header |
/// | `cm`      | Kolmo's context-mixing model (lpaq/zpaq-class), a binary arithmetic coder | 1-9 (memory) | the exact code length, in bits, no header |
///
/// A missing level means 9 (the strongest of deflate, lzma and bzip2), and 19 for zstd, the
/// strongest its command-line tool allows without `--ultra`; zstd's levels 20-22 (ultra) use
/// windows of 32 to 128 MiB. The `e` suffix (`lzma:9e`) adds liblzma's extreme flag.
/// bzip2 and zstd have no header-less form: their own framing is counted, as `bzip2` and `zstd` write it.
/// `ppm` and `cm` are learning codecs written in Swift: the size is the exact code length of the input,
/// the sum of -log2 p over every symbol it predicted (``CodeLength``), not a whole number of bytes;
/// `ppm:ORDER:MEMORY` also sets its model memory (`ppm:8:64m`; default 192 MiB).
/// Raw streams are the default for complexity estimates because a container adds a constant
/// that distorts small inputs; the containers exist to compare with `gzip`, `xz` and other tools.
public struct CompressorSpec: Hashable, Sendable {
    /// The compression algorithm, implemented by a C library.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Deflate, by zlib.
        case deflate
        /// LZMA2, by liblzma.
        case lzma
        /// The Burrows-Wheeler block sorter, by libbz2.
        case bzip2
        /// Zstandard, by libzstd.
        case zstd
        /// Prediction by partial matching (``PPMCodec``): Kolmo's own, a model that learns.
        case ppm
        /// Context mixing (``ContextMixingCodec``): Kolmo's own, bitwise, the strongest predictor.
        case cm

        /// The levels the algorithm has.
        public var levels: ClosedRange<Int> {
            switch self {
            case .deflate, .bzip2: 1...9
            case .lzma: 0...9
            case .zstd: 1...22
            case .ppm: PPMParameters.orders
            case .cm: CMLevel.range
            }
        }

        /// The level used when none is given.
        public var defaultLevel: Int {
            switch self {
            case .zstd: 19
            case .ppm: PPMParameters.defaultOrder
            case .cm: CMLevel.default.number
            default: 9
            }
        }

        /// Whether the algorithm is a sequential model that learns as it codes (Kolmo's own
        /// codecs): its sizes are exact code lengths, and conditioning is learning.
        public var learns: Bool { self == .ppm || self == .cm }
    }

    /// The framing around the compressed stream.
    public enum Container: String, Sendable, CaseIterable {
        /// No header or trailer: the compressed stream alone.
        case raw
        /// zlib framing of a deflate stream.
        case zlib
        /// gzip framing of a deflate stream.
        case gzip
        /// The .xz file format around an LZMA2 stream.
        case xz
    }

    public let algorithm: Algorithm
    public let container: Container
    /// zlib level 1-9, liblzma preset 0-9, bzip2 block size 1-9 (× 100,000 bytes), zstd level 1-22,
    /// PPM order 2-16 or cm level 1-9.
    public let level: Int
    /// liblzma's `LZMA_PRESET_EXTREME`; always false for deflate.
    public let extreme: Bool
    /// The bytes of model memory of a learning codec (0 for the others). When a PPM model fills
    /// it, the model restarts from nothing, as PPMd does.
    public let memory: Int

    /// The spec for `algorithm` at `level` (by default ``Algorithm/defaultLevel``), checked.
    /// - Throws: ``CompressorError/invalidSpecification(_:reason:)`` for a level the algorithm
    ///   does not have, a container of another algorithm, or `extreme` with anything but lzma.
    public init(
        _ algorithm: Algorithm, level: Int? = nil, extreme: Bool = false, container: Container = .raw, memory: Int? = nil
    ) throws {
        let level = level ?? algorithm.defaultLevel
        let memory = memory ?? (algorithm == .ppm ? PPMParameters.defaultMemory : 0)
        let text = Self.text(algorithm: algorithm, container: container, level: level, extreme: extreme, memory: memory)
        switch algorithm {
        case .deflate:
            guard (1...9).contains(level) else {
                throw CompressorError.invalidSpecification(text, reason: "deflate levels are 1 to 9")
            }
            guard !extreme else {
                throw CompressorError.invalidSpecification(text, reason: "only lzma and xz have the extreme flag 'e'")
            }
            guard container != .xz else {
                throw CompressorError.invalidSpecification(text, reason: "the xz container holds lzma, not deflate")
            }
        case .lzma:
            guard (0...9).contains(level) else {
                throw CompressorError.invalidSpecification(text, reason: "lzma presets are 0 to 9")
            }
            guard container == .raw || container == .xz else {
                throw CompressorError.invalidSpecification(text, reason: "lzma goes raw or in the xz container")
            }
        case .bzip2, .zstd:
            let name = algorithm.rawValue
            guard algorithm.levels.contains(level) else {
                let what = algorithm == .zstd ? "levels are 1 to 22 (20-22 are ultra)" : "block sizes are 1 to 9"
                throw CompressorError.invalidSpecification(text, reason: "\(name) \(what)")
            }
            guard !extreme else {
                throw CompressorError.invalidSpecification(text, reason: "only lzma and xz have the extreme flag 'e'")
            }
            guard container == .raw else {
                throw CompressorError.invalidSpecification(text, reason: "\(name) has its own framing and no other container")
            }
        case .ppm:
            guard PPMParameters.orders.contains(level) else {
                throw CompressorError.invalidSpecification(text, reason: "ppm orders are \(PPMParameters.orders.lowerBound) to \(PPMParameters.orders.upperBound)")
            }
            guard PPMParameters.memoryRange.contains(memory) else {
                throw CompressorError.invalidSpecification(
                    text, reason: "ppm memory must be \(PPMParameters.memoryRange.lowerBound >> 10) KiB to \(PPMParameters.memoryRange.upperBound >> 20) MiB")
            }
            guard memory % 1024 == 0 else {
                throw CompressorError.invalidSpecification(text, reason: "ppm memory must be a whole number of KiB")
            }
            guard !extreme, container == .raw else {
                throw CompressorError.invalidSpecification(text, reason: "ppm has no extreme flag and no container")
            }
        case .cm:
            guard CMLevel.range.contains(level) else {
                throw CompressorError.invalidSpecification(text, reason: "cm levels are 1 to 9")
            }
            guard !extreme, container == .raw else {
                throw CompressorError.invalidSpecification(text, reason: "cm has no extreme flag and no container")
            }
        }
        guard algorithm == .ppm || memory == 0 else {
            throw CompressorError.invalidSpecification(text, reason: "only ppm takes a memory size")
        }
        self.algorithm = algorithm
        self.level = level
        self.extreme = extreme
        self.container = container
        self.memory = memory
    }

    /// Parses `NAME[:LEVEL]`: `deflate:9`, `gzip`, `lzma:9e`, `xz:6`, `bzip2:9`, `zstd:19`, `ppm:6`,
    /// and for ppm `ppm:ORDER:MEMORY` with the memory in KiB, MiB or GiB (`ppm:8:64m`, `ppm:4:1g`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let isModel = parts.first?.lowercased() == "ppm"
        guard parts.count <= (isModel ? 3 : 2), let name = parts.first, !name.isEmpty else {
            throw CompressorError.invalidSpecification(
                text, reason: isModel ? "expected ppm[:ORDER[:MEMORY]], e.g. ppm:6 or ppm:8:64m" : "expected NAME[:LEVEL], e.g. deflate:9 or lzma:9e")
        }
        let algorithm: Algorithm
        let container: Container
        switch name.lowercased() {
        case "deflate": (algorithm, container) = (.deflate, .raw)
        case "zlib": (algorithm, container) = (.deflate, .zlib)
        case "gzip": (algorithm, container) = (.deflate, .gzip)
        case "lzma", "lzma2": (algorithm, container) = (.lzma, .raw)
        case "xz": (algorithm, container) = (.lzma, .xz)
        case "bzip2", "bz2": (algorithm, container) = (.bzip2, .raw)
        case "zstd", "zstandard": (algorithm, container) = (.zstd, .raw)
        case "ppm": (algorithm, container) = (.ppm, .raw)
        case "cm": (algorithm, container) = (.cm, .raw)
        default:
            throw CompressorError.invalidSpecification(
                text, reason: "unknown compressor '\(name)'; known: \(Self.names.joined(separator: ", "))")
        }
        var level = algorithm.defaultLevel
        var extreme = false
        var memory: Int?
        if parts.count == 3 {
            guard let bytes = Self.memory(parsing: parts[2]) else {
                throw CompressorError.invalidSpecification(text, reason: "the memory '\(parts[2])' is not a size such as 64m, 512k or 1g")
            }
            memory = bytes
        }
        if parts.count >= 2 {
            var digits = Substring(parts[1])
            if digits.hasSuffix("e") {
                extreme = true
                digits = digits.dropLast()
            }
            guard let value = Int(digits), digits.allSatisfy(\.isASCII) else {
                throw CompressorError.invalidSpecification(text, reason: "the level '\(parts[1])' is not a number")
            }
            level = value
        }
        try self.init(algorithm, level: level, extreme: extreme, container: container, memory: memory)
    }

    /// `64m`, `512k`, `1g`: binary units (MiB, KiB, GiB); nil for anything else or an overflow.
    private static func memory(parsing text: Substring) -> Int? {
        let shifts: [Character: Int] = ["k": 10, "m": 20, "g": 30]
        guard let unit = text.last.flatMap({ shifts[Character($0.lowercased())] }), let value = Int(text.dropLast()),
              value >= 0, value <= Int.max >> unit else { return nil }
        return value << unit
    }

    /// The names `init(parsing:)` accepts.
    public static let names = ["deflate", "zlib", "gzip", "lzma", "xz", "bzip2", "zstd", "ppm", "cm"]

    /// The default compressor of Kolmo's commands: raw LZMA2 at preset 9, whose 64 MiB
    /// dictionary sees the whole of both inputs of almost any pair of documents.
    public static let `default` = try! CompressorSpec(.lzma, level: 9)

    /// The name the spec is written with: `deflate`, `zlib`, `gzip`, `lzma`, `xz`, `bzip2` or `zstd`.
    public var name: String {
        switch (algorithm, container) {
        case (.deflate, .raw): "deflate"
        case (.deflate, _): container.rawValue
        case (.lzma, .raw): "lzma"
        case (.lzma, _): "xz"
        case (.bzip2, _): "bzip2"
        case (.zstd, _): "zstd"
        case (.ppm, _): "ppm"
        case (.cm, _): "cm"
        }
    }

    /// How far back, in bytes, a match can reach: what the compressor can "see" of earlier input.
    /// Deflate: 32 KiB less 262 bytes (32,506). LZMA: the preset's dictionary (64 MiB at 9).
    /// bzip2: one block, 100,000 × level less 19 bytes (after its first run-length step); it sorts
    /// each block alone. zstd: the level's window for an input of unknown size (8 MiB at 19).
    public var window: Int {
        switch algorithm {
        case .deflate: Zlib.maximumDistance
        case .bzip2: Bzip2.blockCapacity(level: level)
        case .zstd: 1 << Zstd.windowLog(level: level)
        case .ppm: PPMParameters.capacity(order: level, memory: memory)
        case .cm: 1 << CMShape.forLevel(level).historyBits
        // A checked spec's preset always exists.
        case .lzma: Int((try? LZMA.options(preset: level, extreme: extreme))?.dict_size ?? 0)
        }
    }

    /// Whether C(y|x) can be measured by priming: raw deflate, raw LZMA2 and zstd have preset
    /// dictionaries, and a learning codec is primed by learning x; the containers and bzip2 cannot be.
    public var canBePrimed: Bool {
        container == .raw && algorithm != .bzip2
    }

    private static func text(algorithm: Algorithm, container: Container, level: Int, extreme: Bool, memory: Int) -> String {
        let name = container == .raw ? algorithm.rawValue : container.rawValue
        guard algorithm == .ppm, memory != PPMParameters.defaultMemory else { return "\(name):\(level)\(extreme ? "e" : "")" }
        let size = memory % (1 << 30) == 0 ? "\(memory >> 30)g" : memory % (1 << 20) == 0 ? "\(memory >> 20)m" : "\(memory >> 10)k"
        return "\(name):\(level):\(size)"
    }
}

extension CompressorSpec: LosslessStringConvertible {
    /// `NAME:LEVEL`, which `init(parsing:)` reads back.
    public var description: String {
        Self.text(algorithm: algorithm, container: container, level: level, extreme: extreme, memory: memory)
    }

    public init?(_ description: String) {
        guard let spec = try? CompressorSpec(parsing: description) else { return nil }
        self = spec
    }
}
