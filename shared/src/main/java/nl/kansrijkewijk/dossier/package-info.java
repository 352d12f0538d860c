/**
 * The dossier of a gemeente: what happened to its aanvraag and wijzigingen, as append-only events
 * ({@link nl.kansrijkewijk.dossier.DossierEvent}) in a {@link nl.kansrijkewijk.dossier.DossierStore}, the state as
 * their projection ({@link nl.kansrijkewijk.dossier.DossierProjection}), and the use cases over them
 * ({@link nl.kansrijkewijk.dossier.DossierService}): an upload received, a reviewer's beoordeling, the vaststelling
 * of the verlening by a second reviewer (four eyes). No AWS types: the S3 store is an adapter.
 *
 * <p>Where the pipeline plugs in: after an {@code inbox/<CBS>/} upload is processed, call
 * {@code DossierService.ontvang(receipt, bytes)} with the pipeline's {@link nl.kansrijkewijk.processing.Receipt}
 * (folder CBS code, event time, version, uploader); a workbook under {@code beoordelingen/<CBS>/} goes to
 * {@link nl.kansrijkewijk.dossier.ReviewerUploads#accept}. A {@link nl.kansrijkewijk.dossier.DossierException} is a
 * refusal with a Dutch message (report it, do not retry); anything else is a fault (let Lambda retry).
 */
package nl.kansrijkewijk.dossier;
