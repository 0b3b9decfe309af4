import Query
var engine = try! Engine.open(dataDirectory: "datasets")
let q = CommandLine.arguments[1]
for o in engine.run(q) { print(Renderer.render(o, source: q), terminator: "") }
