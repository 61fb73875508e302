"""Record assembly: turn sections, finder results and NER entities into public records."""
