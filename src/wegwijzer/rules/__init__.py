"""The rules: judge the merged data (validate, plain language) and report every problem at file:line."""
