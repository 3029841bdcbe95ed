package io.latchkey.license;

import io.latchkey.store.Rows;
import java.util.List;

/** Storage port for documents, which are never changed once posted. Must be called inside a transaction. */
public interface DocumentRepository extends Rows<DocumentId, Document> {

    /** The next document number, never handed out twice, also across nodes. */
    long nextNumber();

    /** Documents matching every given criterion, newest (highest number) first. */
    List<Document> search(DocumentSearch search);

    /** Every document that moved {@code license}, oldest first. */
    List<Document> of(LicenseId license);
}
