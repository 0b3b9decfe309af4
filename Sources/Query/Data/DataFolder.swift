// Loads the data folder: municipalities.csv, paragraphs.csv and outcomes/*.csv.

/// Reads a dkq data folder into an `OutcomeStore`.
public enum DataFolder {
    /// Loads everything in `directory`, or throws the first `DataError`.
    public static func load(directory: String) throws(DataError) -> OutcomeStore {
        // TODO(data): real loader.
        OutcomeStore(catalog: Catalog(municipalities: [], paragraphs: []))
    }
}
