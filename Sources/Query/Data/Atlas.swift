// The map data of a data folder (datasets/map/): each municipality's SVG outline and its terminal
// tile, joined to the catalog on kommunekode. Pictures (svg, map, html) draw from it; a start from
// the side snapshot decodes it only when one does (`LazyAtlas`).
import Synchronization

/// Where each municipality is drawn.
public struct Atlas: Sendable, Equatable {
    /// One terminal tile: its cell in the tile grid and a three-letter abbreviation.
    public struct Tile: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var abbreviation: String
    }

    /// kommunekode -> SVG path data, in the viewBox `0 0 1000 1215` (Bornholm as an inset top right).
    public var outlines: [Int: String]
    /// kommunekode -> tile.
    public var tiles: [Int: Tile]
    /// kommunekode -> the catalog's name, and back (result cells name municipalities).
    public var names: [Int: String]
    public var codeByName: [String: Int]
    /// Where the outlines come from and under what licence (shown inside every SVG).
    public var outlineSource: String

    static let outlineFile = "map/kommune_map_paths.csv"
    static let tileFile = "map/tiles.csv"

    /// Reads both map files of `directory`; nil when the folder has no map/ outlines.
    /// Every outline and tile must name a municipality of `catalog`, once.
    static func load(directory: String, catalog: Catalog) throws(DataError) -> Atlas? {
        guard let outlineSource = try? SourceFile.read(path: directory + "/" + outlineFile, name: directory + "/" + outlineFile) else {
            return nil
        }
        let known = Set(catalog.municipalities.map(\.code))
        var atlas = Atlas(outlines: [:], tiles: [:], names: [:], codeByName: [:],
                          outlineSource: "Map outlines: react-denmark-map, © Martin Polley, MIT licence (datasets/map).")
        for municipality in catalog.municipalities {
            atlas.names[municipality.code] = municipality.name
            atlas.codeByName[municipality.name] = municipality.code
        }
        for (line, fields) in try CatalogFiles.rows(of: outlineSource, columns: ["kommunekode", "name_in_source", "svg_path"]) {
            let code = try Self.code(outlineSource, line, fields[0], known: known, seen: atlas.outlines.keys)
            atlas.outlines[code] = outlineSource.text(fields[2])
        }
        let tilePath = directory + "/" + tileFile
        guard let tileSource = try? SourceFile.read(path: tilePath, name: tilePath) else { return atlas }
        var cells: [Int: Int] = [:]
        for (line, fields) in try CatalogFiles.rows(of: tileSource, columns: ["code", "row", "column", "abbreviation"]) {
            let code = try Self.code(tileSource, line, fields[0], known: known, seen: atlas.tiles.keys)
            guard let row = Int(tileSource.text(fields[1])), let column = Int(tileSource.text(fields[2])),
                  (0..<100).contains(row), (0..<100).contains(column) else {
                throw tileSource.error(line: line.number, lineStart: line.start, offset: fields[1].lowerBound,
                                       "row and column must be integers in 0-99")
            }
            if let other = cells[row * 100 + column] {
                throw tileSource.error(line: line.number, lineStart: line.start, offset: fields[1].lowerBound,
                                       "tile \(row),\(column) is already municipality \(other)'s")
            }
            cells[row * 100 + column] = code
            atlas.tiles[code] = Tile(row: row, column: column, abbreviation: tileSource.text(fields[3]))
        }
        return atlas
    }

    private static func code(
        _ file: SourceFile, _ line: LineSpan, _ cell: Range<Int>, known: Set<Int>, seen: Dictionary<Int, some Any>.Keys
    ) throws(DataError) -> Int {
        guard let code = Int(file.text(cell)), known.contains(code) else {
            throw file.error(line: line.number, lineStart: line.start, offset: cell.lowerBound,
                             "'\(file.text(cell))' is not a kommunekode of municipalities.csv")
        }
        if seen.contains(code) {
            throw file.error(line: line.number, lineStart: line.start, offset: cell.lowerBound, "municipality \(code) given twice")
        }
        return code
    }
}

/// A data folder's map, or the snapshot bytes it is decoded from when first asked for: most
/// statements draw no map, and its quarter megabyte of outlines need not be copied at every start.
/// Safe to share between threads (the first reader decodes it under a lock).
final class LazyAtlas: Sendable, Equatable {
    private let state: Mutex<State>

    private enum State: @unchecked Sendable {  // the reader's mapping is never written
        case decoded(Atlas?)
        case undecoded(SnapshotReader, municipalities: [Municipality])
    }

    init(_ atlas: Atlas?) {
        state = Mutex(.decoded(atlas))
    }

    /// The map in `block` (checked by the snapshot's checksum), decoded on first use.
    init(decoding block: SnapshotReader, municipalities: [Municipality]) {
        state = Mutex(.undecoded(block, municipalities: municipalities))
    }

    /// The map; nil when the folder has none (or, against the checksum's word, its block does not decode).
    var atlas: Atlas? {
        state.withLock { state in
            if case .undecoded(var block, let municipalities) = state {
                state = .decoded(try? block.atlas(municipalities: municipalities))
            }
            guard case .decoded(let atlas) = state else { return nil }
            return atlas
        }
    }

    /// Whether the map has been decoded (or was never undecoded).
    var isDecoded: Bool {
        state.withLock { state in
            if case .decoded = state { true } else { false }
        }
    }

    static func == (a: LazyAtlas, b: LazyAtlas) -> Bool { a.atlas == b.atlas }
}
