export default function Stub() { return <p>group-detail</p>; }
