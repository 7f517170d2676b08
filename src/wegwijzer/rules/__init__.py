"""The rules: judge the merged data (validate, plain language, translations, what is published) and report every problem at file:line."""
