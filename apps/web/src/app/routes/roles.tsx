export default function Stub() { return <p>roles</p>; }
