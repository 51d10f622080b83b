"""Open-source seizure intelligence: news and press releases turned into proposed seizure records."""
