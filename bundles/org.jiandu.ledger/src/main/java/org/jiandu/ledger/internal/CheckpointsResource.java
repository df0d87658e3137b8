package org.jiandu.ledger.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Sensitivity;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.mask.RevealAudit;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ReadParams;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.jiandu.verifier.Leaf;
import org.jiandu.verifier.NoteKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ledger's signed checkpoints and proofs, readable by every authenticated role: they reveal hashes only, except
 * that a court user of the case's court sees the fields of an entry whose proof it asks for.
 * <ul>
 * <li>{@code GET /api/v1/ledger/checkpoints?limit=&cursor=} — newest first; {@code nextCursor} continues;</li>
 * <li>{@code GET /api/v1/ledger/checkpoints/latest};</li>
 * <li>{@code GET /api/v1/ledger/consistency?from=&to=} — RFC 9162 consistency proof between two tree sizes
 * ({@code to} defaults to the latest checkpoint's);</li>
 * <li>{@code GET /api/v1/ledger/keys} — the verifier keys (the signing one first);</li>
 * <li>{@code GET /api/v1/cases/{caseNumber}/entries/{seq}/proof?size=} — the entry's leaf and its inclusion proof in
 * the tree of {@code size} entries (default: the latest checkpoint's), with that checkpoint.</li>
 * </ul>
 */
@Component(service = RestResource.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointsResource implements RestResource {
    private static final HexFormat HEX = HexFormat.of();
    /** Who sees an entry's field values in its proof (with the court's coverage); everyone else sees commitments. */
    private static final List<String> VALUES_SHOWN_TO = List.of(Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR,
            Roles.HOST_SYSTEM, Roles.ADMIN);

    private final TreeService tree;
    private final JpaCaseLedger ledger;
    private final EventTypeRegistry types;
    private final MaskingPolicy masking;
    private final RevealAudit audit;

    @Activate
    public CheckpointsResource(@Reference TreeService tree, @Reference(target =
            "(component.name=org.jiandu.ledger.internal.JpaCaseLedger)") org.jiandu.api.ledger.CaseLedger ledger,
            @Reference EventTypeRegistry types, @Reference MaskingPolicy masking, @Reference RevealAudit audit) {
        this.tree = tree;
        this.ledger = (JpaCaseLedger) ledger;
        this.types = types;
        this.masking = masking;
        this.audit = audit;
    }

    /** A signed checkpoint: {@code note} is the C2SP signed note, the rest what it says. */
    public record CheckpointDto(long number, String origin, long treeSize, String rootHash, String signedAt,
            String keyName, String keyId, String algorithm, String note) {
        static CheckpointDto of(TreeService.CheckpointRow r, String origin) {
            return r == null ? null : new CheckpointDto(r.number(), origin, r.size(), r.rootHash(), r.signedAt().toString(),
                    r.keyName(), r.keyId(), r.algorithm(), r.note());
        }
    }

    public record CheckpointList(int count, List<CheckpointDto> checkpoints, String nextCursor) {
    }

    public record ConsistencyDto(long from, long to, List<String> proof) {
    }

    public record KeyDto(String verifierKey, String name, String keyId, String algorithm, boolean signing) {
    }

    /** The keys: the signing one first, then those kept to verify checkpoints signed before a rotation. */
    public record KeyList(int count, List<KeyDto> keys) {
    }

    /**
     * One field of an entry's leaf: {@code json} (its canonical JSON text) with its {@code salt} when shown,
     * {@code commitment} alone when not; a field the masking policy masks has its commitment and, for the court's
     * own users, {@code masked}, the value as the views show it (not verifiable: the commitment is).
     */
    public record FieldDto(String path, String json, String salt, String commitment, String masked) {
    }

    public record LeafDto(String caseNumber, long seq, String hash, List<FieldDto> fields) {
    }

    /**
     * An entry's inclusion proof. {@code valuesShown}: the fields come with their values (a court user of the case's
     * court), else with commitments only; {@code revealed}: the fields the masking policy masks are shown too
     * ({@code reveal=true} with a reason, audited), else they are committed with their masked form.
     */
    public record ProofDto(String caseNumber, long seq, long index, long treeSize, String leafHash,
            List<String> auditPath, boolean valuesShown, boolean revealed, LeafDto leaf, CheckpointDto checkpoint) {
    }

    @GET
    @Path("ledger/checkpoints")
    @RequiresRoles(RequiresRoles.ANY_AUTHENTICATED)
    public CheckpointList checkpoints(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor)
            throws SQLException {
        List<ValidationException> errors = new ArrayList<>();
        int max = ReadParams.limit(limit, errors);
        long below = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                below = Long.parseLong(cursor.strip());
            } catch (NumberFormatException e) {
                errors.add(new ValidationException("INVALID_CURSOR", "cursor",
                        "cursor must be the nextCursor of a previous page"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        List<CheckpointDto> page = tree.checkpoints(below, max + 1).stream()
                .map(r -> CheckpointDto.of(r, tree.origin())).toList();
        String next = page.size() > max ? String.valueOf(page.get(max - 1).number()) : null;
        List<CheckpointDto> items = page.size() > max ? page.subList(0, max) : page;
        return new CheckpointList(items.size(), items, next);
    }

    @GET
    @Path("ledger/checkpoints/latest")
    @RequiresRoles(RequiresRoles.ANY_AUTHENTICATED)
    public CheckpointDto latest() throws SQLException {
        TreeService.CheckpointRow row = tree.latest();
        if (row == null) {
            throw ApiException.notFound("NO_CHECKPOINT_YET", "No checkpoint is signed yet: the first is signed within "
                    + "the configured interval (org.jiandu.ledger.checkpoint, checkpoint.intervalSeconds) of the first"
                    + " entry");
        }
        return CheckpointDto.of(row, tree.origin());
    }

    @GET
    @Path("ledger/keys")
    @RequiresRoles(RequiresRoles.ANY_AUTHENTICATED)
    public KeyList keys() {
        List<NoteKey> all = tree.keys();
        List<KeyDto> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            NoteKey k = all.get(i);
            out.add(new KeyDto(k.encode(), k.name(), k.keyIdHex(), k.algorithm().name(), i == 0));
        }
        return new KeyList(out.size(), out);
    }

    @GET
    @Path("ledger/consistency")
    @RequiresRoles(RequiresRoles.ANY_AUTHENTICATED)
    public ConsistencyDto consistency(@QueryParam("from") String from, @QueryParam("to") String to)
            throws SQLException {
        long size = tree.tree().size();
        List<ValidationException> errors = new ArrayList<>();
        long f = size(from, "from", size, errors);
        long t;
        if (to == null) {
            TreeService.CheckpointRow latest = tree.latest();
            t = latest == null ? 0 : latest.size();
        } else {
            t = size(to, "to", size, errors);
        }
        if (from == null) {
            errors.add(new ValidationException("REQUIRED", "from", "from (the tree size of the checkpoint you hold) is "
                    + "required"));
        }
        if (errors.isEmpty() && f > t) {
            errors.add(new ValidationException("INVALID_RANGE", "from", "from (" + f + ") is above to (" + t + ")"));
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        return new ConsistencyDto(f, t, tree.consistency(f, t).stream().map(HEX::formatHex).toList());
    }

    private static long size(String text, String field, long max, List<ValidationException> errors) {
        if (text == null) {
            return 0;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new ValidationException("INVALID_TREE_SIZE", field, field + " must be a tree size from 0 to " + max
                + " (the entries sequenced so far)"));
        return 0;
    }

    @GET
    @Path("cases/{caseNumber}/entries/{seq}/proof")
    @RequiresRoles(RequiresRoles.ANY_AUTHENTICATED)
    public ProofDto proof(@PathParam("caseNumber") String caseNumber, @PathParam("seq") String seqText,
            @QueryParam("size") String sizeText, @QueryParam("reveal") String reveal,
            @QueryParam("reason") String reason, @Context SecurityContext security) throws SQLException {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        boolean revealing = Reveals.requested(reveal, reason, caller, cn, masking);
        long seq;
        try {
            seq = Long.parseLong(seqText.strip());
            if (seq < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new ValidationException("INVALID_SEQ", "seq", "seq must be an entry's position, 1 or more");
        }
        List<org.jiandu.api.ledger.LedgerEntry> found = ledger.entries(cn.canonical(), seq, seq);
        if (found.isEmpty()) {
            throw ApiException.notFound("ENTRY_NOT_FOUND", "Case " + cn.canonical() + " has no entry " + seq);
        }
        TreeService.LeafRow leaf = tree.leaf(cn.canonical(), seq);
        if (leaf == null) {
            throw ApiException.conflict("NOT_YET_SEQUENCED", "seq", "Entry " + seq + " was just recorded and has no "
                    + "place in the tree yet; ask again in a second");
        }
        TreeService.CheckpointRow checkpoint;
        long size;
        if (sizeText == null) {
            checkpoint = tree.latest();
            size = checkpoint == null ? 0 : checkpoint.size();
        } else {
            List<ValidationException> errors = new ArrayList<>();
            size = size(sizeText, "size", tree.tree().size(), errors);
            if (!errors.isEmpty()) {
                throw ValidationException.of(errors);
            }
            checkpoint = tree.checkpointOfSize(size);
        }
        if (leaf.index() >= size) {
            throw ApiException.conflict("NOT_YET_CHECKPOINTED", "size", "Entry " + seq + " is leaf " + leaf.index()
                    + ", after the tree of " + size + " entries: the next checkpoint covers it (see "
                    + "checkpoint.intervalSeconds of org.jiandu.ledger.checkpoint)");
        }
        boolean shown = caller.covers(cn) && VALUES_SHOWN_TO.stream().anyMatch(caller::hasRole);
        EntryEntity row = ledger.storedEntry(cn.canonical(), seq);
        SortedMap<String, String> values = Leaves.values(row);
        Map<String, String> masked = shown ? maskedFields(row.getType(), values) : Map.of();
        if (revealing && !masked.isEmpty()) {
            Reveals.record(audit, caller, cn, "/api/v1/cases/" + cn.canonical() + "/entries/" + seq + "/proof",
                    masked.keySet().stream().map(p -> "seq " + seq + ": " + p).toList(), reason);
        }
        return proof(tree, row, values, leaf, size, checkpoint, shown, revealing ? Map.of() : masked, revealing);
    }

    /**
     * The fields of an entry of {@code type} ({@code values}, by leaf path) that the masking policy masks, each with
     * the value as views show it (payload fields its event type declares sensitive, a party identifier by its kind).
     */
    private Map<String, String> maskedFields(String type, SortedMap<String, String> values) {
        Map<String, Sensitivity> sensitive = masking.sensitivePaths(types.get(type));
        if (sensitive.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (!v.getKey().startsWith("payload.")) {
                continue;
            }
            Sensitivity kind = sensitive.get(v.getKey().substring("payload.".length()).replaceAll("\\[\\d+]", "[*]"));
            if (kind == null || kind == Sensitivity.NONE) {
                continue;
            }
            String text = textOf(v.getValue());
            String shown;
            if (kind == Sensitivity.PARTY_IDENTIFIER && v.getKey().endsWith(".value")) {
                String k = values.get(v.getKey().substring(0, v.getKey().length() - ".value".length()) + ".kind");
                PartyIdentifier.Kind idKind = null;
                try {
                    idKind = k == null ? null : PartyIdentifier.Kind.valueOf(textOf(k));
                } catch (IllegalArgumentException e) {
                    idKind = null; // an unknown kind is masked as a person's identifier
                }
                shown = idKind == null ? masking.mask(Sensitivity.PERSONAL_ID, text) : masking.mask(idKind, text);
            } else {
                shown = masking.mask(kind, text);
            }
            if (shown != null && !shown.equals(text)) {
                out.put(v.getKey(), shown);
            }
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The text of a canonical JSON value (a string's content, a number's digits). */
    private static String textOf(String json) {
        try {
            return JSON.readTree(json).asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    /**
     * The proof of one stored entry: its fields shown with their salts when {@code shown}, except those in
     * {@code masked} (path → the value as views show it), which are committed only; all committed when not shown.
     */
    static ProofDto proof(TreeService tree, EntryEntity row, SortedMap<String, String> values,
            TreeService.LeafRow leaf, long size, TreeService.CheckpointRow checkpoint, boolean shown,
            Map<String, String> masked, boolean revealed) throws SQLException {
        byte[] salt = HEX.parseHex(leaf.salt());
        List<FieldDto> fields = new ArrayList<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            String fieldSalt = Leaf.fieldSalt(salt, v.getKey());
            String commitment = Leaf.commitment(fieldSalt, v.getKey(), v.getValue());
            if (shown && !masked.containsKey(v.getKey())) {
                fields.add(new FieldDto(v.getKey(), v.getValue(), fieldSalt, null, null));
            } else {
                fields.add(new FieldDto(v.getKey(), null, null, commitment, masked.get(v.getKey())));
            }
        }
        return new ProofDto(row.getCaseNumber(), row.getSeq(), leaf.index(), size, leaf.leafHash(),
                tree.inclusion(leaf.index(), size).stream().map(HEX::formatHex).toList(), shown, revealed,
                new LeafDto(row.getCaseNumber(), row.getSeq(), row.getHash(), fields),
                CheckpointDto.of(checkpoint, tree.origin()));
    }
}
