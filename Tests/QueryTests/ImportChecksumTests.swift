// The checksum computed on a second thread (large files) must equal the one computed inline
// while reading, for any file size around the chunk and threshold boundaries.
import Testing
@testable import Query
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ImportChecksumTests {
    @Test(arguments: [ByteStream.parallelChecksumBytes - 1, ByteStream.parallelChecksumBytes, ByteStream.parallelChecksumBytes + ByteStream.chunkSize + 7])
    func parallelChecksumEqualsInline(_ size: Int) throws {
        let path = "/tmp/dkq-checksum-\(getpid())-\(size).bin"
        let handle = try #require(fopen(path, "w"))
        var bytes = [UInt8](repeating: 0, count: size)
        var state: UInt64 = 0x1234_5678
        for index in bytes.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
        defer { unlink(path) }
        var expected = FNV1a()
        bytes.withUnsafeBytes { expected.update($0) }
        for parallel in [false, true] {
            var stream = try ByteStream(path: path, parallelChecksum: parallel)
            var sink: [UInt8] = []
            var total = 0
            while true {
                let got = try stream.readChunk(into: &sink)
                if got == 0 { break }
                total += got
                sink.removeAll(keepingCapacity: true)
            }
            #expect(total == size)
            #expect(stream.checksum().hex == expected.hex)
        }
    }
}
