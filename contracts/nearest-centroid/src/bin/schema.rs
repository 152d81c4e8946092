//! Writes this contract's JSON schema to schema/.
sum_common::write_schema!(sum_nearest_centroid::msg);
