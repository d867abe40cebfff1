import TestSupport
import Testing

/// On CI (or with KOLMO_REQUIRE_CORPORA set) the corpora must be there: a wrong path must
/// fail the run rather than skip every test that reads real text.
@Test(.enabled(if: Corpus.isRequired, "the corpora are optional outside CI"))
func corporaArePresentWhereRequired() {
    #expect(Corpus.isAvailable, Comment(rawValue: Corpus.missingMessage))
}
