// dkq: the interactive shell and script runner.
import Query
print("dkq")
