import Complexity
import Testing

@Suite struct MeasuresTests {
    @Test func ncdIsTheJointExcessOverTheSmallerNormalisedByTheLarger() {
        #expect(Measures.ncd(cx: 10, cy: 20, cxy: 25) == 0.75)
        #expect(Measures.ncd(cx: 20, cy: 10, cxy: 25) == 0.75)
        #expect(Measures.ncd(cx: 8, cy: 8, cxy: 8) == 0)
        #expect(Measures.ncd(cx: 100, cy: 100, cxy: 200) == 1)
    }

    @Test func cdmIsTheJointOverTheSum() {
        #expect(Measures.cdm(cx: 10, cy: 30, cxy: 20) == 0.5)
        #expect(Measures.cdm(cx: 10, cy: 30, cxy: 40) == 1)
    }

    @Test func primedNCDReplacesTheJointByTheChainRule() {
        #expect(Measures.primedNCD(cx: 10, cy: 20, cyGivenX: 15) == Measures.ncd(cx: 10, cy: 20, cxy: 25))
    }

    /// The measures are ratios: reporting sizes in bits changes nothing.
    @Test func unitsCancel() {
        let bits = InformationUnit.bits
        #expect(bits.amount(ofBytes: 3) == 24)
        #expect(InformationUnit.bytes.amount(ofBytes: 3) == 3)
        #expect(Measures.ncd(cx: 80, cy: 160, cxy: 200) == Measures.ncd(cx: 10, cy: 20, cxy: 25))
    }
}
