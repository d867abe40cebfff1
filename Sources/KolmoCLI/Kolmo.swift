import ArgumentParser

@main
struct Kolmo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kolmo",
        abstract: "Compression-based learning: complexity estimates and distances from real compressors.",
        discussion: """
            Kolmogorov complexity K(x) is estimated by a real compressor's output size C(x). \
            Sizes are in bytes unless --unit bits is given. Compressors (--compressor NAME[:LEVEL]): \
            deflate (raw, levels 1-9), zlib and gzip (deflate in those containers), lzma (raw LZMA2, \
            presets 0-9, 'e' for extreme, e.g. lzma:9e), xz (LZMA2 in the .xz container), bzip2 \
            (block size 1-9 x 100 kB) and zstd (levels 1-22, 20-22 being ultra; default 19). \
            The default is lzma:9. '-' reads standard input where a file is expected.
            """,
        version: "0.1.0",
        subcommands: [
            NCDCommand.self, ComplexityCommand.self, ConditionalCommand.self, MatrixCommand.self, TreeCommand.self,
            PairCommand.self, StudyCommand.self, ClassifyCommand.self, DemoCommand.self, BenchCommand.self,
            TileCommand.self, StatusCommand.self, MergeCommand.self, SubmitCommand.self,
        ]
    )
}
