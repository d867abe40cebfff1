/// A Newick text that could not be read: where, and what was expected.
public struct NewickError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let message: String

    public var description: String { "Newick, character \(offset + 1): \(message)" }
}

extension Tree {
    /// The tree in Newick format, ended by ';'. Labels are quoted ('...', with '' for a quote)
    /// where they hold anything but letters, digits and `_ . - / + * # & ! ? @ %`; branch lengths
    /// are written where the tree has them, in the shortest form that reads back to the same double.
    public func newick(labels: [String]) -> String {
        func write(_ node: Int) -> String {
            let current = nodes[node]
            var text = current.item.map { Self.quoted(labels[$0]) }
                ?? "(" + current.children.map(write).joined(separator: ",") + ")"
            if node != root, let length = current.length { text += ":\(length)" }
            return text
        }
        return write(root) + ";"
    }

    static func quoted(_ label: String) -> String {
        let plain = !label.isEmpty && label.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-/+*#&!?@%".unicodeScalars.contains(scalar))
        }
        return plain ? label : "'" + label.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Reads a Newick tree whose leaf labels are among `labels` (each exactly once). Internal
    /// node labels and [comments] are skipped. A root with three or more children is taken as
    /// an unrooted tree.
    public init(newick text: String, labels: [String]) throws {
        var parser = NewickParser(text: Array(text.unicodeScalars), labels: labels)
        self = try parser.parse()
    }
}

private struct NewickParser {
    let text: [Unicode.Scalar]
    let index: [String: Int]
    let labelCount: Int
    var position = 0
    var nodes: [Tree.Node] = []
    var seen = Set<Int>()

    init(text: [Unicode.Scalar], labels: [String]) {
        self.text = text
        var index: [String: Int] = [:]
        for (item, label) in labels.enumerated() { index[label] = item }
        self.index = index
        labelCount = labels.count
    }

    mutating func parse() throws -> Tree {
        let root = try subtree()
        skipSpace()
        if peek == ":" { position += 1; _ = try number() }
        skipSpace()
        guard peek == ";" else { throw error("expected ';' at the end of the tree") }
        position += 1
        skipSpace()
        guard position == text.count else { throw error("text after the end of the tree") }
        guard seen.count == labelCount else {
            throw NewickError(offset: position, message: "\(labelCount - seen.count) of the \(labelCount) labels are missing from the tree")
        }
        return Tree(nodes: nodes, root: root, isRooted: nodes[root].children.count <= 2)
    }

    var peek: Unicode.Scalar? { position < text.count ? text[position] : nil }

    func error(_ message: String) -> NewickError { NewickError(offset: position, message: message) }

    mutating func skipSpace() {
        while let scalar = peek {
            if scalar.properties.isWhitespace {
                position += 1
            } else if scalar == "[" {
                while let inside = peek, inside != "]" { position += 1 }
                position += 1
            } else {
                return
            }
        }
    }

    mutating func subtree() throws -> Int {
        skipSpace()
        var node: Tree.Node
        if peek == "(" {
            position += 1
            var children = [try subtree()]
            skipSpace()
            while peek == "," {
                position += 1
                children.append(try subtree())
                skipSpace()
            }
            guard peek == ")" else { throw error("expected ',' or ')'") }
            position += 1
            _ = try label()
            node = Tree.Node(children: children)
        } else {
            guard let name = try label(), !name.isEmpty else { throw error("expected a label or '('") }
            guard let item = index[name] else { throw error("unknown label '\(name)'") }
            guard seen.insert(item).inserted else { throw error("the label '\(name)' appears twice") }
            node = Tree.Node(item: item)
        }
        skipSpace()
        if peek == ":" {
            position += 1
            node.length = try number()
        }
        nodes.append(node)
        return nodes.count - 1
    }

    mutating func label() throws -> String? {
        skipSpace()
        if peek == "'" {
            position += 1
            var result = ""
            while true {
                guard let scalar = peek else { throw error("unterminated quoted label") }
                position += 1
                if scalar == "'" {
                    if peek == "'" { result.unicodeScalars.append("'"); position += 1 } else { return result }
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        var result = ""
        while let scalar = peek, !"(),:;[".unicodeScalars.contains(scalar), !scalar.properties.isWhitespace {
            result.unicodeScalars.append(scalar)
            position += 1
        }
        return result.isEmpty ? nil : result
    }

    mutating func number() throws -> Double {
        skipSpace()
        let start = position
        while let scalar = peek, "0123456789+-.eE".unicodeScalars.contains(scalar) { position += 1 }
        guard let value = Double(String(String.UnicodeScalarView(text[start..<position]))) else {
            position = start
            throw error("expected a branch length")
        }
        return value
    }
}
