import Testing
@testable import Compressors

@Suite("PPM: Parameters")
struct PPMParameterTests {
    @Test func defaults() throws {
        let parameters = PPMParameters.standard
        #expect(parameters.order == 6)
        #expect(parameters.memory == 192 << 20)
        #expect(try PPMParameters() == parameters)
        #expect(parameters.description == "ppm:6:192m")
    }

    @Test func parsing() throws {
        #expect(try PPMParameters(parsing: "ppm") == .standard)
        #expect(try PPMParameters(parsing: "ppm:8").order == 8)
        #expect(try PPMParameters(parsing: "ppm:4:64m") == PPMParameters(order: 4, memory: 64 << 20))
        for bad in ["", "ppmd", "ppm:", "ppm:x", "ppm:6:64", "ppm:6:64m:1", "PPM:6"] {
            #expect(throws: PPMError.malformedSpecification(bad)) { try PPMParameters(parsing: bad) }
        }
    }

    @Test(arguments: [1, 0, -3, 17, 64])
    func ordersOutOfRange(_ order: Int) {
        #expect(throws: PPMError.orderOutOfRange(order)) { try PPMParameters(order: order) }
        #expect(throws: PPMError.orderOutOfRange(order)) { _ = try PPMCodec(order: order) }
    }

    @Test func edgeOrdersAccepted() throws {
        #expect(try PPMParameters(order: 2).order == 2)
        #expect(try PPMParameters(order: 16).order == 16)
    }

    @Test func memoryOutOfRange() {
        for bytes in [0, 100, (1 << 12) - 1, 4001 << 20] {
            #expect(throws: PPMError.memoryOutOfRange(bytes: bytes)) { try PPMParameters(memory: bytes) }
        }
        #expect(throws: PPMError.memoryOutOfRange(bytes: 0)) { try PPMParameters(parsing: "ppm:6:0m") }
        let message = PPMError.memoryOutOfRange(bytes: 100).description
        #expect(message.contains("100 bytes") && message.contains("4096"))
        #expect(PPMError.orderOutOfRange(17).description.contains("2...16"))
    }

    @Test func negativeDecodeCount() {
        var ppm = PPMCodec()
        #expect(throws: PPMError.negativeCount(-1)) { try ppm.decode([1, 2, 3], count: -1) }
    }
}
