import Classification
import Foundation

/// Reads the DATA of `kolmo classify`: a folder of one folder per class, or a TSV whose header
/// is `path<TAB>label` (files, relative to the TSV's folder) or `text<TAB>label` (the texts
/// themselves, with `\t`, `\n` and `\\` escaped). Every item must be non-empty.
struct LabelledDataReader {
    var reader: InputReader
    var include: String?

    mutating func read(_ path: String) throws -> LabelledTexts {
        let (names, items, labels) = try InputReader.isDirectory(path) ? try folder(path) : try table(path)
        for (name, item) in zip(names, items) where item.isEmpty {
            throw FileProblem(path: name, line: nil, problem: "empty item: there is nothing to classify")
        }
        return try LabelledTexts(names: names, items: items, labels: labels)
    }

    private mutating func folder(_ path: String) throws -> ([String], [[UInt8]], [String]) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path).sorted().filter { !$0.hasPrefix(".") }) ?? []
        guard !entries.isEmpty else { throw FileProblem(path: path, line: nil, problem: "no class folders (DATA is a folder of one folder per class, or a TSV)") }
        var names: [String] = [], items: [[UInt8]] = [], labels: [String] = []
        for name in entries {
            let classPath = (path as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: classPath, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw FileProblem(path: classPath, line: nil, problem: "a file beside the class folders; DATA must hold one folder per class")
            }
            var collector = ItemCollector(include: include, reader: reader)
            let found: [Item]
            do {
                found = try collector.collect([classPath])
            } catch CollectionError.noFiles {
                throw FileProblem(path: classPath, line: nil, problem: "empty class: no files\(include.map { " match --include '\($0)'" } ?? "")")
            }
            names += found.map(\.path)
            items += found.map(\.bytes)
            labels += Array(repeating: name, count: found.count)
        }
        return (names, items, labels)
    }

    private mutating func table(_ path: String) throws -> ([String], [[UInt8]], [String]) {
        guard let text = String(validating: try reader.read(path).bytes, as: UTF8.self) else {
            throw FileProblem(path: path, line: nil, problem: "not UTF-8 text")
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        let header = lines.first.map { $0.split(separator: "\t", omittingEmptySubsequences: false) } ?? []
        guard header.count == 2, header[0] == "path" || header[0] == "text", header[1] == "label" else {
            throw FileProblem(path: path, line: 1, problem: "expected the header 'path<TAB>label' or 'text<TAB>label'")
        }
        let holdsPaths = header[0] == "path"
        let folder = (path as NSString).deletingLastPathComponent
        var names: [String] = [], items: [[UInt8]] = [], labels: [String] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = index + 1
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw FileProblem(path: path, line: number, problem: "expected 2 tab-separated fields (\(header[0]) and label), found \(fields.count)")
            }
            guard !fields[1].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FileProblem(path: path, line: number, problem: "empty label")
            }
            if holdsPaths {
                let file = fields[0].hasPrefix("/") || folder.isEmpty ? String(fields[0]) : (folder as NSString).appendingPathComponent(String(fields[0]))
                do {
                    items.append(try reader.read(file).bytes)
                } catch let error as InputError {
                    throw FileProblem(path: path, line: number, problem: error.description)
                }
                names.append(file)
            } else {
                guard let item = Self.unescaped(fields[0]) else {
                    throw FileProblem(path: path, line: number, problem: "a backslash that is not \\t, \\n or \\\\")
                }
                guard !item.isEmpty else { throw FileProblem(path: path, line: number, problem: "empty text") }
                items.append(Array(item.utf8))
                names.append("\(path):\(number)")
            }
            labels.append(String(fields[1]))
        }
        guard !items.isEmpty else { throw FileProblem(path: path, line: nil, problem: "no items below the header") }
        return (names, items, labels)
    }

    /// The text with `\t`, `\n` and `\\` replaced by what they stand for; nil for another escape.
    static func unescaped(_ field: Substring) -> String? {
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "\\": result.append("\\")
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }
}
