// Builds a FactTable by writing rows straight into its sized column buffers (one allocation
// per column, no appends), for importers that know an upper bound on their row count.

/// The columns of a FactTable being filled, as buffers of the table's capacity.
struct FactColumns {
    var year: UnsafeMutableBufferPointer<Int16>
    var quarter: UnsafeMutableBufferPointer<UInt8>
    var municipality: UnsafeMutableBufferPointer<UInt8>
    var paragraph: UnsafeMutableBufferPointer<UInt8>
    var upheld: UnsafeMutableBufferPointer<Int32>
    var changed: UnsafeMutableBufferPointer<Int32>
    var remanded: UnsafeMutableBufferPointer<Int32>
    var dismissed: UnsafeMutableBufferPointer<Int32>
    var days: UnsafeMutableBufferPointer<Float>
}

extension FactTable {
    /// A table of at most `capacity` rows that `body` writes into the column buffers (every column
    /// but `dataset`, which is 0) and returns how many rows it wrote, a prefix of the buffers.
    static func filled(capacity: Int, _ body: (FactColumns) -> Int) -> FactTable {
        let size = max(capacity, 0)
        var rows = 0
        var table = FactTable()
        var quarter = FactColumn<UInt8>(), municipality = FactColumn<UInt8>(), paragraph = FactColumn<UInt8>()
        var upheld = FactColumn<Int32>(), changed = FactColumn<Int32>(), remanded = FactColumn<Int32>(), dismissed = FactColumn<Int32>()
        var days = FactColumn<Float>()
        table.year = FactColumn<Int16>(unsafeUninitializedCapacity: size) { year, yearCount in
            quarter = FactColumn<UInt8>(unsafeUninitializedCapacity: size) { quarterBuffer, quarterCount in
                municipality = FactColumn<UInt8>(unsafeUninitializedCapacity: size) { municipalityBuffer, municipalityCount in
                    paragraph = FactColumn<UInt8>(unsafeUninitializedCapacity: size) { paragraphBuffer, paragraphCount in
                        upheld = FactColumn<Int32>(unsafeUninitializedCapacity: size) { upheldBuffer, upheldCount in
                            changed = FactColumn<Int32>(unsafeUninitializedCapacity: size) { changedBuffer, changedCount in
                                remanded = FactColumn<Int32>(unsafeUninitializedCapacity: size) { remandedBuffer, remandedCount in
                                    dismissed = FactColumn<Int32>(unsafeUninitializedCapacity: size) { dismissedBuffer, dismissedCount in
                                        days = FactColumn<Float>(unsafeUninitializedCapacity: size) { daysBuffer, daysCount in
                                            rows = min(size, max(0, body(FactColumns(
                                                year: year, quarter: quarterBuffer, municipality: municipalityBuffer,
                                                paragraph: paragraphBuffer, upheld: upheldBuffer, changed: changedBuffer,
                                                remanded: remandedBuffer, dismissed: dismissedBuffer, days: daysBuffer))))
                                            daysCount = rows
                                        }
                                        dismissedCount = rows
                                    }
                                    remandedCount = rows
                                }
                                changedCount = rows
                            }
                            upheldCount = rows
                        }
                        paragraphCount = rows
                    }
                    municipalityCount = rows
                }
                quarterCount = rows
            }
            yearCount = rows
        }
        table.quarter = quarter
        table.municipality = municipality
        table.paragraph = paragraph
        table.upheld = CountColumn(upheld)
        table.changed = CountColumn(changed)
        table.remanded = CountColumn(remanded)
        table.dismissed = CountColumn(dismissed)
        table.days = days
        table.dataset = FactColumn(repeating: 0, count: rows)
        return table
    }
}
