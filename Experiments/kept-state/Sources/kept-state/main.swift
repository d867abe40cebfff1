// Usage: kept-state COMPRESSOR FILE-OR-FOLDER...   (a folder's files, or a file's lines, are the items)
import Complexity
import Compressors
import Foundation

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, arguments.count >= 2 else {
    print("usage: kept-state COMPRESSOR FOLDER|FILE [LIMIT]")
    exit(2)
}
let spec = try CompressorSpec(parsing: name)
let path = arguments[arguments.startIndex + 1]
let limit = arguments.count >= 3 ? Int(arguments[arguments.startIndex + 2]) ?? Int.max : Int.max
var isDirectory: ObjCBool = false
FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
var items: [[UInt8]]
if isDirectory.boolValue {
    items = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }.sorted()
        .map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + $0))) }
} else {
    items = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))).split(separator: 10).map { Array($0) + [10] }
}
items = Array(items.prefix(limit))
let compressor = try Compressor(spec)

// Kept state: one row per x, as DistanceMatrixBuilder computes it on one thread.
var start = cpuSeconds()
var rows: [[CodeLength]] = []
for x in items { rows.append(try compressor.codeLengths(of: x, followedByEach: items)) }
let kept = cpuSeconds() - start

// From scratch: every concatenation coded from a fresh model (or stream).
start = cpuSeconds()
var fresh: [[CodeLength]] = []
for x in items { fresh.append(try items.map { try compressor.codeLength(of: x, followedBy: $0) }) }
let scratch = cpuSeconds() - start

guard rows == fresh else {
    print("MISMATCH: the kept state and fresh models disagree")
    exit(1)
}
let pairs = Double(items.count * items.count)
print(String(format: "%@ %d items, %d pairs: kept state %.2f s CPU (%.0f pairs/s), from scratch %.2f s (%.0f pairs/s), speed-up %.2fx, equal to the bit",
             spec.description, items.count, items.count * items.count, kept, pairs / kept, scratch, pairs / scratch, scratch / kept))
