"""What the saved answers say: statistics, the results export and the class report."""
