"""Who said each quote: rules propose, carry-over fills in, a learned ranker decides.

Modules, in the order a quote goes through them:

- :mod:`.context` — :class:`~.context.AttributionContext`, what every rule reads about one
  article (tokens, reporting verbs, mentions, document authors) and :class:`~.context.Attribution`,
  the decision for one quote;
- :mod:`.rules` — the rules, plain functions ``(context, span) -> Candidate | None``;
- :mod:`.resolve` — mention → speaker (pronouns, epithets, documents' authors);
- :mod:`.driver` — :data:`~.driver.RULES` (each rule's name, function and confidence, in the
  order they are tried) and the driver that runs them, then carry-over;
- :mod:`.carry` — same-paragraph, continuation and a speaker named after the quote;
- :mod:`.ranker` — every plausible speaker scored by the model in ``speaker_model.json``
  (trained by ``tools/train_ranker.py``); ``Quote.confidence`` is its probability.
"""
