// The streaming benchmark, off by default: DKQ_IMPORT_BENCH=1 swift test -c release --filter ImportBenchmark
import Testing
@_spi(Tools) @testable import Query
#if canImport(Glibc)
import Glibc
#endif

@Test(.enabled(if: getenv("DKQ_IMPORT_BENCH") != nil))
func importBenchmarkReportsSpeed() throws {
    let report = try ImportBenchmark.run(sizeMB: 100)
    print(report)
    #expect(report.contains("MB/s"))
}
