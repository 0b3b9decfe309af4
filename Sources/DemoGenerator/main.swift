// Generates the synthetic demo outcome files in datasets/outcomes.
import Query
print("todo")
