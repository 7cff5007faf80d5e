package org.schoolcollab.kernel.adapters;

import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.schoolcollab.kernel.adapters.Items.num;
import static org.schoolcollab.kernel.adapters.Items.s;
import static org.schoolcollab.kernel.adapters.Items.str;

/** How the records that carry a contact and schools (applications, communities, decisions, grants) store them. */
public final class SchoolAttributes {
    private SchoolAttributes() {}

    public static AttributeValue contact(Contact c) {
        Map<String, AttributeValue> contact = new HashMap<>();
        contact.put("name", str(c.name()));
        contact.put("email", str(c.email()));
        Items.putIfPresent(contact, "phone", c.phone());
        return AttributeValue.fromM(contact);
    }

    /** The {@code contact} map attribute of an item. */
    public static Contact contactFrom(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> c = map(item, "contact");
        return new Contact(s(c, "name"), s(c, "email"), Items.optS(c, "phone").orElse(null));
    }

    public static AttributeValue schools(List<School> schools) {
        return AttributeValue.fromL(schools.stream().map(SchoolAttributes::school).toList());
    }

    /** A list attribute of schools, e.g. an application's {@code schools} or a community's {@code members}. */
    public static List<School> schoolsFrom(Map<String, AttributeValue> item, String name) {
        return list(item, name).stream().map(v -> {
            Map<String, AttributeValue> m = v.m();
            return new School(s(m, "schoolNumber"), s(m, "name"), SchoolType.valueOf(s(m, "type")),
                    Integer.parseInt(Items.n(m, "roll")), new BigDecimal(Items.n(m, "teacherFte")),
                    Boolean.TRUE.equals(m.get("boardEndorsed").bool()));
        }).toList();
    }

    private static AttributeValue school(School school) {
        return AttributeValue.fromM(Map.of(
                "schoolNumber", str(school.schoolNumber()),
                "name", str(school.name()),
                "type", str(school.type().name()),
                "roll", num(school.roll()),
                "teacherFte", num(school.teacherFte().toPlainString()),
                "boardEndorsed", AttributeValue.fromBool(school.boardEndorsed())));
    }

    public static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasM()) {
            throw new IllegalArgumentException("item has no map attribute '" + name + "'");
        }
        return v.m();
    }

    public static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            throw new IllegalArgumentException("item has no list attribute '" + name + "'");
        }
        return v.l();
    }
}
