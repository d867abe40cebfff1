import Clustering
import TestSupport
import Testing

/// The worked examples' five sequences (``textbookRows``).
let textbook = Distances(textbookRows)

@Suite struct LinkageTests {
    // Clusters: a..e are 0..4; merge k makes cluster 5 + k.
    @Test func upgmaMergesAsTheWorkedExample() {
        // (a,b) at 17; then e joins at (17... ) d((a,b),e) = (23 + 21) / 2 = 22; (c,d) at 28;
        // finally ((a,b),e) with (c,d) at (21+30+39+31+34+43) / 6 = 33.
        let (tree, merges) = Tree.linkage(textbook, method: .average)
        #expect(merges == [
            Merge(left: 0, right: 1, distance: 17, size: 2),
            Merge(left: 4, right: 5, distance: 22, size: 3),
            Merge(left: 2, right: 3, distance: 28, size: 2),
            Merge(left: 6, right: 7, distance: 33, size: 5),
        ])
        // Heights 8.5, 11, 14, 16.5: e's branch is 11, a's 8.5, the (a,b) branch 2.5.
        #expect(tree.nodes[4].length == 11 && tree.nodes[0].length == 8.5 && tree.nodes[5].length == 2.5)
        #expect(tree.isRooted && tree.leafCount == 5)
    }

    @Test func wpgmaMergesAsTheWorkedExample() {
        // (a,b) 17; e at (23+21)/2 = 22; (c,d) 28; then ((25.5+39)/2 + (32.5+43)/2) / 2 = 35.
        let (_, merges) = Tree.linkage(textbook, method: .wpgma)
        #expect(merges.map(\.distance) == [17, 22, 28, 35])
        #expect(merges.map(\.left) == [0, 4, 2, 6] && merges.map(\.right) == [1, 5, 3, 7])
    }

    @Test func singleLinkageMergesAsTheWorkedExample() {
        // (a,b) 17; then c and e both at 21 (c first: the tie goes to the lower cluster numbers); d at 28.
        let (_, merges) = Tree.linkage(textbook, method: .single)
        #expect(merges == [
            Merge(left: 0, right: 1, distance: 17, size: 2),
            Merge(left: 2, right: 5, distance: 21, size: 3),
            Merge(left: 4, right: 6, distance: 21, size: 4),
            Merge(left: 3, right: 7, distance: 28, size: 5),
        ])
    }

    @Test func completeLinkageMergesAsTheWorkedExample() {
        // (a,b) 17; e at max(23, 21) = 23; (c,d) 28; all at max over members = 43.
        let (_, merges) = Tree.linkage(textbook, method: .complete)
        #expect(merges.map(\.distance) == [17, 23, 28, 43])
        #expect(merges.map(\.left) == [0, 4, 2, 6] && merges.map(\.right) == [1, 5, 3, 7])
    }

    @Test func distancesAreSymmetrized() {
        let ordered = Distances([[0, 0.4, 0.9], [0.6, 0, 0.8], [0.9, 0.8, 0]])
        #expect(ordered[0, 1] == 0.5 && ordered[1, 0] == 0.5 && ordered[1, 1] == 0)
    }

    @Test func tinyInputs() {
        #expect(Tree.linkage(Distances([[0]]), method: .average).tree.leafCount == 1)
        let two = Tree.linkage(Distances([[0, 0.4], [0.4, 0]]), method: .single)
        #expect(two.merges == [Merge(left: 0, right: 1, distance: 0.4, size: 2)])
    }
}
