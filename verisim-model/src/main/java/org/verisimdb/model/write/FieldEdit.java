package org.verisimdb.model.write;

import org.verisimdb.model.value.Value;

/**
 * Set one field of a modality to a value, or remove it ({@code value} null). Which fields exist
 * and what removing means is per modality; see {@link ModalityChange.SetFields}.
 */
public record FieldEdit(String field, Value value) {
  public FieldEdit {
    if (field == null || field.isEmpty()) {
      throw new IllegalArgumentException("a field edit needs a field name");
    }
  }

  public boolean isRemoval() {
    return value == null;
  }
}
