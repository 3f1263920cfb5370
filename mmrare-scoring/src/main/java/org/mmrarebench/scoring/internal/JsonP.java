package org.mmrarebench.scoring.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Every static {@code jakarta.json.Json} call looks the
 * provider up again through {@link java.util.ServiceLoader}, which scans the class path: measured at
 * several seconds of CPU per thousand-item run, so all mmrare code goes through this constant.
 */
public final class JsonP {
  private JsonP() {}

  /** The provider (Eclipse Parsson on mmrare's class path). */
  public static final JsonProvider PROVIDER = JsonProvider.provider();
}
