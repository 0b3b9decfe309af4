// Where dkq keeps its store files: $DKQ_CACHE (empty or "off" = none), else
// $XDG_CACHE_HOME/dkq, else ~/.cache/dkq. The data folder's CSV files stay the truth.

enum CacheLocation {
    /// The cache directory, or nil when caching is off or there is no home.
    static func directory() -> String? {
        if let explicit = environment("DKQ_CACHE") {
            return explicit.isEmpty || explicit == "off" ? nil : explicit
        }
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/dkq" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.cache/dkq"
    }
}
