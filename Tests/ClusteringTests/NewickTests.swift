import Clustering
import Testing

@Suite struct NewickTests {
    @Test func linkageTreeWritesAndReadsBack() throws {
        let labels = ["a", "b", "c", "d", "e"]
        let (tree, _) = Tree.linkage(textbook, method: .average)
        let text = tree.newick(labels: labels)
        #expect(text == "((e:11.0,(a:8.5,b:8.5):2.5):5.5,(c:14.0,d:14.0):2.5);")
        let back = try Tree(newick: text, labels: labels)
        #expect(back.clades == tree.clades && back.isRooted)
        #expect(back.newick(labels: labels) == text)
    }

    @Test func unrootedTreeReadsBackWithItsSplits() throws {
        let labels = ["a", "b", "c", "d", "e"]
        let tree = Tree.neighborJoining(textbook)
        let back = try Tree(newick: tree.newick(labels: labels), labels: labels)
        #expect(back.splits == tree.splits && !back.isRooted)
    }

    @Test func labelsAreQuotedWhereNeeded() throws {
        let labels = ["plain_name", "two words", "it's", "a,b", "x:y", "(p)"]
        let d = Distances((0..<6).map { i in (0..<6).map { j in i == j ? 0 : Double(abs(i - j)) } })
        let tree = Tree.linkage(d, method: .single).tree
        let text = tree.newick(labels: labels)
        #expect(text.contains("plain_name") && text.contains("'two words'") && text.contains("'it''s'") && text.contains("'a,b'"))
        #expect(try Tree(newick: text, labels: labels).clades == tree.clades)
    }

    @Test func commentsSpacesAndInternalLabelsAreSkipped() throws {
        let tree = try Tree(newick: " ( a [first] , ( b:0.5 , c ) inner:1e-1 ) root ; ", labels: ["a", "b", "c"])
        #expect(tree.clades == [[0, 1, 2], [1, 2]])
    }

    @Test(arguments: [
        ("(a,b,c)", "expected ';' at the end of the tree"),
        ("(a,b,zz);", "unknown label 'zz'"),
        ("(a,a,b,c);", "the label 'a' appears twice"),
        ("(a,b);", "1 of the 3 labels are missing from the tree"),
        ("(a,'b,c);", "unterminated quoted label"),
        ("(a,b:x,c);", "expected a branch length"),
        ("(a,b,c;", "expected ',' or ')'"),
        ("(a,b,c);x", "text after the end of the tree"),
        ("", "expected a label or '('"),
    ])
    func malformedNewickIsReported(text: String, message: String) {
        #expect {
            try Tree(newick: text, labels: ["a", "b", "c"])
        } throws: { error in
            String(describing: error).contains(message)
        }
    }
}
